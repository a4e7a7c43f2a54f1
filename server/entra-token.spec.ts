import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readServerConfig } from './config';
import { EntraTokenValidator } from './entra-token';
import { OID, startTestTenant, testEnvironment } from './testing/test-tenant';

const ACS = `endpoint=https://switchboard.communication.azure.com/;accesskey=${Buffer.from('k').toString('base64')}`;

describe('Entra access tokens: finding the tenant’s keys', () => {
  let tenant: Awaited<ReturnType<typeof startTestTenant>>;
  before(async () => {
    tenant = await startTestTenant();
  });
  after(async () => {
    await tenant.close();
  });

  it('finds the signing keys by OpenID discovery at the issuer when no JWKS URL is set', async () => {
    const { entra } = readServerConfig({ ...testEnvironment(tenant, ACS), ENTRA_JWKS_URL: '' });
    assert.equal(entra.jwksUrl, null);
    const user = await new EntraTokenValidator(entra).validate(await tenant.mint({ roles: ['Supervisor'] }));
    assert.deepEqual(user, { oid: OID, displayName: 'Robin Agent', roles: ['Supervisor'] });
  });

  it('answers 503 when discovery names another issuer, and tries discovery again on the next token', async () => {
    const { entra } = readServerConfig({ ...testEnvironment(tenant, ACS), ENTRA_JWKS_URL: '' });
    const validator = new EntraTokenValidator(entra);
    tenant.discoveryNames('https://login.microsoftonline.com/someone-else/v2.0');
    await assert.rejects(validator.validate(await tenant.mint()), {
      statusCode: 503,
      code: 'entra_unavailable',
    });
    tenant.discoveryNames(tenant.issuer);
    assert.equal((await validator.validate(await tenant.mint())).oid, OID);
  });

  it('answers 503, not 401, when the keys cannot be fetched', async () => {
    const { entra } = readServerConfig({
      ...testEnvironment(tenant, ACS),
      ENTRA_JWKS_URL: 'http://127.0.0.1:9/keys',
    });
    await assert.rejects(new EntraTokenValidator(entra).validate(await tenant.mint()), {
      statusCode: 503,
      message: "The tenant's signing keys could not be fetched: try again shortly.",
    });
  });
});
