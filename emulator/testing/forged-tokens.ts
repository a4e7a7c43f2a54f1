import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

/**
 * A real token of the emulator's made into a forgery by one recipe of the bad-input corpus
 * (`test-corpus/tokens.json`, `emulatorTokens`): its signature kept over edited claims or header,
 * its claims signed with a key the emulator never had, or no JWT at all. `other` is a real token of
 * another kind (for another audience) for the `otherAudience` recipe.
 */
export async function forgeFrom(recipe: string, real: string, other: string): Promise<string> {
  const [header = '', payload = '', signature = ''] = real.split('.');
  switch (recipe) {
    case 'garbage':
      return 'this-is-not-a-token';
    case 'twoSegments':
      return `${header}.${payload}`;
    case 'algNone':
      return `${segment({ ...decode(header), alg: 'none' })}.${payload}.`;
    case 'editedPayload': {
      const claims = decode(payload);
      return `${header}.${segment({ ...claims, name: 'Mallory', exp: Number(claims['exp']) + 86_400 })}.${signature}`;
    }
    case 'wrongKey': {
      const { privateKey } = await generateKeyPair('RS256');
      const { kid } = decodeProtectedHeader(real);
      return new SignJWT(decode(payload))
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid && { kid }) })
        .sign(privateKey);
    }
    case 'otherAudience':
      return other;
    default:
      throw new Error(`No token recipe "${recipe}".`);
  }
}
