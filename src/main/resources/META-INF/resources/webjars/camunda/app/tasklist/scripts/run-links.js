// Links Tasklist to mq-runbooks' run page (/runs/{id}, docs/run-page.md):
// - the open task's card gets a "Run page" link to the run it belongs to;
// - after a start from Tasklist, the user lands on the new run's page.
// Loaded by config.js as a custom script (an ES module, run for its effects).

const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const engineApi = appRoot + '/api/engine/engine/default';
const LINK_CLASS = 'mq-run-page-link';
const started = /\/process-definition\/[^/]+(\/[^/]+)?\/(submit-form|start)$/;

function runPage(runId) {
  return '/runs/' + encodeURIComponent(runId);
}

function selectedTaskId() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

let linkedTask = null;
let lookingUp = null;

async function linkTaskToItsRun() {
  const card = document.querySelector('section.task-card');
  const taskId = selectedTaskId();
  if (!card || !taskId) {
    return;
  }
  const existing = card.querySelector('.' + LINK_CLASS);
  if (existing && linkedTask === taskId) {
    return;
  }
  if (lookingUp === taskId) {
    return;
  }
  lookingUp = taskId;
  try {
    const response = await fetch(engineApi + '/task/' + encodeURIComponent(taskId),
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!response.ok) {
      return;
    }
    const task = await response.json();
    if (!task.processInstanceId || selectedTaskId() !== taskId) {
      return;
    }
    const current = document.querySelector('section.task-card');
    if (!current) {
      return;
    }
    current.querySelectorAll('.' + LINK_CLASS).forEach(old => old.remove());
    const line = document.createElement('p');
    line.className = LINK_CLASS;
    const link = document.createElement('a');
    link.href = runPage(task.processInstanceId);
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Run page: where this run stands, what it ran, who decided what';
    line.appendChild(link);
    current.insertBefore(line, current.firstChild);
    linkedTask = taskId;
  } finally {
    lookingUp = null;
  }
}

new MutationObserver(() => linkTaskToItsRun()).observe(document.body, {childList: true, subtree: true});
window.addEventListener('hashchange', () => linkTaskToItsRun());

function landOnRunPage(runId) {
  // after Tasklist's own "started" notice has shown
  window.setTimeout(() => window.location.assign(runPage(runId)), 1500);
}

// Tasklist starts a run through XMLHttpRequest (or fetch); a successful start answers with the new run's id.
const fetched = window.fetch;
window.fetch = async function (resource, init) {
  const response = await fetched.apply(this, arguments);
  const url = typeof resource === 'string' ? resource : resource && resource.url;
  const method = (init && init.method) || (resource && resource.method) || 'GET';
  if (response.status === 200 && String(method).toUpperCase() === 'POST' && url
      && started.test(String(url).split('?')[0])) {
    response.clone().json().then(run => run && run.id && landOnRunPage(run.id)).catch(() => {});
  }
  return response;
};
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  this.mqRunbooksStart = String(method).toUpperCase() === 'POST' && started.test(String(url).split('?')[0]);
  return open.apply(this, arguments);
};
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function () {
  if (this.mqRunbooksStart) {
    this.addEventListener('load', () => {
      if (this.status !== 200) {
        return;
      }
      try {
        const run = JSON.parse(this.responseText);
        if (run && run.id) {
          landOnRunPage(run.id);
        }
      } catch (notJson) {
        // not a start answer: stay
      }
    });
  }
  return send.apply(this, arguments);
};
