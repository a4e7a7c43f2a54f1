// Debian's Chromium, as Karma and Playwright both launch it. The flags keep Chromium off the
// network these machines do not have, and give it fake media devices (see the README).
module.exports = {
  executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
  ],
};
