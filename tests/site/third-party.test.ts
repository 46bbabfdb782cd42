import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ga4InlineScript, thirdPartyCspSources } from '../../lib/site/third-party';

describe('the CSP sources of third-party services', () => {
  it('are none when no service is on', () => {
    assert.deepEqual(thirdPartyCspSources({ analytics: [] }), {});
  });

  it('give giscus its script, stylesheet and frame, and each analytics service its script and collector', () => {
    assert.deepEqual(
      thirdPartyCspSources({
        comments: { repo: 'me/blog', repoId: 'R_1', category: 'General', categoryId: 'DIC_1' },
        analytics: [
          {
            provider: 'plausible',
            domain: 'blog.example.com',
            src: 'https://plausible.io/js/script.js',
          },
          { provider: 'umami', websiteId: 'x', src: 'https://stats.example.com:8443/umami.js' },
        ],
      }),
      {
        'connect-src': ['https://plausible.io', 'https://stats.example.com:8443'],
        'frame-src': ['https://giscus.app'],
        'script-src': [
          'https://giscus.app',
          'https://plausible.io',
          'https://stats.example.com:8443',
        ],
        'style-src': ['https://giscus.app'],
      },
    );
  });

  it("knows where Umami Cloud and GA4 send their events, which is not their script's origin", () => {
    const umami = thirdPartyCspSources({
      analytics: [{ provider: 'umami', websiteId: 'x', src: 'https://cloud.umami.is/script.js' }],
    });
    assert.deepEqual(umami['connect-src'], [
      'https://api-gateway.umami.dev',
      'https://cloud.umami.is',
      'https://gateway.umami.is',
    ]);
    const ga4 = thirdPartyCspSources({
      analytics: [{ provider: 'ga4', measurementId: 'G-ABC123' }],
    });
    assert.deepEqual(ga4['script-src'], ['https://www.googletagmanager.com']);
    assert.ok(ga4['connect-src']!.includes('https://*.google-analytics.com'));
    assert.match(ga4InlineScript('G-ABC123'), /gtag\('config',"G-ABC123"\)/);
  });
});
