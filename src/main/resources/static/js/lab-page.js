// The lab page (/lab): each form posts to its /lab/control endpoint, shows the one-line answer and refreshes
// the tables from /lab/control/state. Without JavaScript the forms still post and the browser shows the answer.
"use strict";

function labAnswer(text, refused) {
    const answer = document.getElementById("answer");
    answer.textContent = text;
    answer.classList.toggle("refused", refused);
}

async function labRefresh() {
    const response = await fetch("/lab/control/state", {credentials: "same-origin"});
    if (!response.ok) {
        return;
    }
    const state = await response.json();
    for (const host of state.hosts) {
        const row = document.querySelector("#hosts tr[data-host='" + CSS.escape(host.name) + "']");
        if (row) {
            row.querySelector(".version").textContent = host.installedVersion;
            row.querySelector(".reachable").textContent = host.down ? "down" : "up";
        }
    }
    for (const qm of state.queueManagers) {
        const row = document.querySelector("#queue-managers tr[data-host='" + CSS.escape(qm.host) + "'][data-qm='"
            + CSS.escape(qm.name) + "']");
        if (row) {
            row.querySelector(".status").textContent = qm.status;
            row.querySelector(".dr-role").textContent = qm.drRole || "";
        }
    }
}

for (const form of document.querySelectorAll("form.lab-control")) {
    form.addEventListener("submit", async event => {
        event.preventDefault();
        const body = new URLSearchParams(new FormData(form));
        try {
            const response = await fetch(form.action, {method: "POST", body: body, credentials: "same-origin"});
            const text = (await response.text()).trim();
            labAnswer(response.ok ? text : response.status + ": " + text, !response.ok);
        } catch (e) {
            labAnswer("The lab did not answer: " + e.message, true);
        }
        await labRefresh();
    });
}
