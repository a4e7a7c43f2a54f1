import { graphEndpoint } from './graph-client';

describe('graphEndpoint (config.json’s graphBaseUrl)', () => {
  it('sends requests to Microsoft Graph, version apart, in production', () => {
    expect(graphEndpoint('https://graph.microsoft.com/v1.0', 'https://switchboard.example')).toEqual({
      baseUrl: 'https://graph.microsoft.com/',
      version: 'v1.0',
    });
    expect(graphEndpoint('https://graph.microsoft.com/beta/', 'https://switchboard.example').version).toBe(
      'beta',
    );
  });

  it('takes a path as the console’s own origin (the emulator behind the dev server’s proxy)', () => {
    expect(graphEndpoint('/v1.0', 'http://localhost:4200')).toEqual({
      baseUrl: 'http://localhost:4200/',
      version: 'v1.0',
    });
  });
});
