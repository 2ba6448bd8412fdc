// mq-runbooks' Tasklist configuration: Camunda's default (camunda-webapp-webjar 7.24.0,
// app/tasklist/scripts/config.js) plus the custom script that links tasks and new runs to their run page.
// Custom scripts are loaded from app/tasklist/<path>.js (https://docs.camunda.org/manual/latest/webapps/tasklist/configuration/).
export default {
  customScripts: ['scripts/run-links'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
