// Admin niceties; every page works without them. Autosave every 30 s while changed, a warning before leaving
// with unsaved changes, and a live Markdown preview rendered by the server's own pipeline (sanitised HTML).
(function () {
  'use strict';
  var form = document.querySelector('form.content-form');
  if (!form) return;
  var dirty = false, submitting = false;
  var status = form.querySelector('.autosave-status');
  form.addEventListener('input', function () { dirty = true; });
  form.addEventListener('submit', function () { submitting = true; });
  window.addEventListener('beforeunload', function (e) {
    if (dirty && !submitting) { e.preventDefault(); e.returnValue = ''; }
  });
  var url = form.getAttribute('data-autosave');
  if (url) {
    setInterval(function () {
      if (!dirty || submitting) return;
      var data = new FormData(form);
      fetch(url, { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (j) { if (j.saved) dirty = false; if (status) status.textContent = j.message; })
        .catch(function () { if (status) status.textContent = '自动保存失败，请手动保存。'; });
    }, 30000);
  }
  var md = form.querySelector('textarea[data-preview]');
  var preview = md && document.getElementById(md.getAttribute('data-preview'));
  if (md && preview) {
    var timer = null;
    md.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var data = new FormData();
        data.append('markdown', md.value);
        var af = form.querySelector('input[name="__af"]');
        if (af) data.append('__af', af.value);
        fetch(preview.getAttribute('data-url'), { method: 'POST', body: data, credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
          .then(function (html) { preview.innerHTML = html; })
          .catch(function () {});
      }, 400);
    });
  }
})();

// Pickers (media library, attachments): a button with data-append-to adds its data-text as a line of the target
// field, or data-insert-into inserts it at the cursor of a textarea; either marks the editor as changed.
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[data-append-to], button[data-insert-into]');
    if (!b) return;
    e.preventDefault();
    var append = b.hasAttribute('data-append-to');
    var target = document.getElementById(b.getAttribute(append ? 'data-append-to' : 'data-insert-into'));
    if (!target) return;
    var text = b.getAttribute('data-text') || '';
    if (append) {
      target.value = target.value.replace(/\s+$/, '') + (target.value.trim() ? '\n' : '') + text;
    } else {
      var at = typeof target.selectionStart === 'number' ? target.selectionStart : target.value.length;
      target.value = target.value.slice(0, at) + text + target.value.slice(at);
    }
    target.dispatchEvent(new Event('input', { bubbles: true }));
    target.focus();
  });
})();
