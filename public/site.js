// The site's only script on every page (~1 KB): pages are plain HTML documents,
// without Next's client runtime (docs/decisions.md). It wires four things the
// server already rendered: the theme toggle, the code blocks' Copy buttons, the
// "/" and Ctrl/Cmd+K shortcut to the search box, and the order switch of the tag
// and category indexes. Loaded with `defer`.
(function () {
  var root = document.documentElement;
  var NEXT = { system: 'light', light: 'dark', dark: 'system' };
  var LABEL = { system: 'System', light: 'Light', dark: 'Dark' };

  // Theme: the inline script in <head> applied the stored choice before first paint;
  // CSS shows the icon and label of html[data-theme]. The button cycles the choice.
  function labelToggles() {
    var theme = root.dataset.theme || 'system';
    document.querySelectorAll('button[data-theme-toggle]').forEach(function (button) {
      button.setAttribute('aria-label', 'Theme: ' + LABEL[theme] + '. Switch to ' + LABEL[NEXT[theme]]);
      button.title = 'Theme: ' + LABEL[theme];
    });
  }
  function chooseNextTheme() {
    var next = NEXT[root.dataset.theme || 'system'] || 'system';
    root.classList.remove('light', 'dark');
    if (next !== 'system') root.classList.add(next);
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    labelToggles();
  }

  // Copy buttons stay hidden (CSS) until this script marks the page ready.
  function copyCode(button) {
    var code = button.closest('figure') && button.closest('figure').querySelector('pre code');
    if (!code) return;
    navigator.clipboard.writeText(code.textContent || '').then(
      function () { button.textContent = 'Copied'; },
      function () { button.textContent = 'Press Ctrl+C'; }
    );
    setTimeout(function () { button.textContent = 'Copy'; }, 2000);
  }

  // Tag and category indexes are rendered by name; "Most used" reorders the items by their post count
  // (ties keep name order), and "By name" puts them back. The switch is hidden until this script runs.
  function orderTerms(button) {
    var list = document.querySelector('ul[data-term-list]');
    if (!list) return;
    var byCount = button.dataset.order === 'count';
    var items = Array.prototype.slice.call(list.children);
    items.forEach(function (item, position) {
      if (!item.dataset.nameRank) item.dataset.nameRank = String(position);
    });
    items.sort(function (a, b) {
      var rank = Number(a.dataset.nameRank) - Number(b.dataset.nameRank);
      return byCount ? Number(b.dataset.count) - Number(a.dataset.count) || rank : rank;
    });
    items.forEach(function (item) { list.appendChild(item); });
    document.querySelectorAll('button[data-order]').forEach(function (other) {
      other.setAttribute('aria-pressed', String(other === button));
    });
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var toggle = target && target.closest('button[data-theme-toggle]');
    if (toggle) return chooseNextTheme();
    var copy = target && target.closest('button[data-copy-code]');
    if (copy) return copyCode(copy);
    var order = target && target.closest('button[data-order]');
    if (order) orderTerms(order);
  });

  // "/" or Ctrl/Cmd+K focuses the header's search box, or opens the search page where the box is hidden (phones).
  document.addEventListener('keydown', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var typing = target && target.closest('input, textarea, select, [contenteditable="true"]');
    var isSlash = event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey;
    var isCommandK = (event.key === 'k' || event.key === 'K') && (event.metaKey || event.ctrlKey);
    if (!isSlash && !isCommandK) return;
    var box = document.querySelector('input[data-search-box]');
    if (!box) return;
    event.preventDefault();
    if (box.offsetParent !== null) {
      box.focus();
      box.select();
    } else {
      window.location.assign(box.form.action);
    }
  });

  labelToggles();
  document.querySelectorAll('[data-term-order]').forEach(function (orderSwitch) {
    orderSwitch.hidden = false;
  });
  root.dataset.copyReady = '';
})();
