// Keeps the run page (/runs/{id}) current: polls the run's progress and, when it changed, fetches the page again
// and swaps its live sections (the abort form among them: gone once the run ended, with who aborted it), keeping the
// commands the reader opened open and what they typed. Without this script the page is
// complete, only not live.
(function () {
  'use strict';
  var body = document.body;
  var runId = body.getAttribute('data-run');
  var everyMs = 4000;

  function openDetails() {
    var open = [];
    document.querySelectorAll('details[open]').forEach(function (d) { open.push(d.id); });
    return open;
  }

  // What the reader is typing (the abort reason) survives a redraw of its section, as long as the field is still there.
  function typedValues() {
    var typed = [];
    document.querySelectorAll('section.live input[id]').forEach(function (input) {
      if (input.value) { typed.push({ id: input.id, value: input.value, focused: document.activeElement === input }); }
    });
    return typed;
  }

  function swapSections(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html');
    var open = openDetails();
    var typed = typedValues();
    fresh.querySelectorAll('section.live').forEach(function (section) {
      var current = document.getElementById(section.id);
      if (current) {
        current.replaceWith(document.importNode(section, true));
      }
    });
    open.forEach(function (id) {
      var d = document.getElementById(id);
      if (d) { d.open = true; }
    });
    typed.forEach(function (t) {
      var input = document.getElementById(t.id);
      if (input) {
        input.value = t.value;
        if (t.focused) { input.focus(); }
      }
    });
    body.setAttribute('data-revision', fresh.body.getAttribute('data-revision'));
    body.setAttribute('data-finished', fresh.body.getAttribute('data-finished'));
    var asOf = fresh.getElementById('as-of');
    if (asOf) { document.getElementById('as-of').textContent = asOf.textContent; }
  }

  function poll() {
    fetch('/api/runs/' + encodeURIComponent(runId) + '/progress', {
      credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      if (!response.ok) { throw new Error('progress ' + response.status); }
      return response.json();
    }).then(function (progress) {
      if (progress.revision === body.getAttribute('data-revision')) { return null; }
      return fetch(window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) { return response.text(); })
        .then(swapSections);
    }).catch(function () {
      // a missed poll (a restart, a dropped connection) is tried again at the next tick
    }).then(function () {
      if (body.getAttribute('data-finished') !== 'true') { window.setTimeout(poll, everyMs); }
    });
  }

  if (runId && body.getAttribute('data-finished') !== 'true') { window.setTimeout(poll, everyMs); }
}());
