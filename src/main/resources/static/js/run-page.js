// Keeps the run page (/runs/{id}) current: polls the run's progress and, when it changed, fetches the page again
// and swaps its live sections, keeping the commands the reader opened open. Without this script the page is
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

  function swapSections(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html');
    var open = openDetails();
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
