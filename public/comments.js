// giscus comments, on post pages of a site that turns them on (components/comments.tsx): giscus's script is
// added only when the reader comes near the comments, in the site's theme, and follows the theme toggle.
(function () {
  var root = document.documentElement;
  var box = document.querySelector('[data-comments]');
  if (!box) return;

  // html[data-theme] is 'light', 'dark' or 'system' (lib/site/theme.ts); giscus follows the OS for the last.
  function theme() {
    var chosen = root.dataset.theme;
    return chosen === 'light' || chosen === 'dark' ? chosen : 'preferred_color_scheme';
  }

  function load() {
    var script = document.createElement('script');
    script.src = box.dataset.src;
    Object.keys(box.dataset).forEach(function (key) {
      if (key !== 'src' && key !== 'comments') script.dataset[key] = box.dataset[key];
    });
    script.dataset.theme = theme();
    script.dataset.loading = 'lazy';
    script.crossOrigin = 'anonymous';
    script.async = true;
    box.appendChild(script);
  }

  if ('IntersectionObserver' in window) {
    var watcher = new IntersectionObserver(
      function (entries) {
        if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
        watcher.disconnect();
        load();
      },
      { rootMargin: '600px 0px' }
    );
    watcher.observe(box);
  } else {
    load();
  }

  // The toggle changes html[data-theme]: the giscus frame is told to follow.
  new MutationObserver(function () {
    var frame = box.querySelector('iframe.giscus-frame');
    if (!frame || !frame.contentWindow) return;
    frame.contentWindow.postMessage({ giscus: { setConfig: { theme: theme() } } }, new URL(frame.src).origin);
  }).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
})();
