/** Build-time settings only; everything an operator may change is in `config.json`, read at runtime. */
export const environment = {
  production: true,
};
