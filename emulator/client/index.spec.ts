import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import * as emulator from './index';

/**
 * The SDK's own bundle, loaded in Node. At load time it reads three browser globals (it defines
 * classes over them, it does not use them yet); empty stand-ins are enough, and are removed after.
 */
function loadSdkBundle(): Record<string, unknown> {
  const standIns = { MediaStream: class {}, HTMLElement: class {}, navigator: {} };
  const added = Object.entries(standIns).filter(([name]) => !(name in globalThis));
  added.forEach(([name, value]) => Object.defineProperty(globalThis, name, { value, configurable: true }));
  try {
    // A run-time require: the SDK's values are what is compared, not its types.
    return createRequire(__filename)('@azure/communication-calling');
  } finally {
    added.forEach(([name]) => delete (globalThis as Record<string, unknown>)[name]);
  }
}

const sdk = loadSdkBundle();
const ours = emulator as unknown as Record<string, unknown>;
/** The emulator's additions, which the SDK does not have. */
const emulatorOnly = ['configure', 'listenerCount'];

describe('the emulator module, as a drop-in for @azure/communication-calling', () => {
  it('exports every value the SDK exports, and nothing else but its own two additions', () => {
    const sdkNames = Object.keys(sdk).sort();
    const ourNames = Object.keys(ours)
      .filter((name) => !emulatorOnly.includes(name))
      .sort();
    assert.deepEqual(ourNames, sdkNames);
    assert.deepEqual(
      emulatorOnly.filter((name) => name in ours),
      emulatorOnly,
    );
  });

  it('exports classes where the SDK exports classes, and objects where it exports objects', () => {
    for (const name of Object.keys(sdk)) assert.equal(typeof ours[name], typeof sdk[name], name);
  });

  it("has the SDK's enums with the same members and values, and the same disconnect categories", () => {
    const plain = Object.keys(sdk).filter(
      (name) => typeof sdk[name] === 'object' && name !== 'Features' && name !== 'MediaFeatures',
    );
    assert.ok(plain.length >= 15, `only ${plain.length} plain values found`);
    for (const name of plain)
      assert.deepEqual({ ...(ours[name] as object) }, { ...(sdk[name] as object) }, name);
  });

  it("has every feature of the SDK's Features and MediaFeatures, each a factory of the same kind", () => {
    for (const group of ['Features', 'MediaFeatures']) {
      const sdkFeatures = sdk[group] as Record<string, object>;
      const ourFeatures = ours[group] as Record<string, object & { name: string }>;
      assert.deepEqual(Object.keys(ourFeatures), Object.keys(sdkFeatures), group);
      for (const [name, factory] of Object.entries(sdkFeatures)) {
        // The same fields (`callApiCtor` and `isCallFeature` for a call feature, ...), plus its name.
        assert.deepEqual(
          Object.keys(ourFeatures[name]).sort(),
          [...Object.keys(factory), 'name'].sort(),
          name,
        );
        assert.equal(ourFeatures[name].name, name);
      }
    }
  });
});
