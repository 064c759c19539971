// What the screenshot tours ask of JupyterLab (started with --LabApp.expose_app_in_browser,
// so the application is window.jupyterapp) and of the hub's pages. Loaded into every page
// by labapp.py before the page's own scripts; each function looks the app up when called.
window.workshopShots = (() => {
  const app = () => window.jupyterapp;
  const mainWidgets = () => Array.from(app().shell.widgets('main'));
  const byPath = (path) => mainWidgets().find(w => w.context && w.context.path === path);
  // The notebook panel showing `path`, once its model is there.
  const panel = (path) => {
    const w = byPath(path);
    return w && w.content && w.content.model ? w : null;
  };

  return {
    // Start a command without awaiting it: a dialog it opens would block an await forever.
    run(id, args) {
      app().commands.execute(id, args).catch(e => console.error(id, e));
    },

    // What a picture shows of the lessons: the names in the file browser, and the text of
    // the rendered Markdown of the notebooks on screen (the lesson's Time line is there).
    shown() {
      const names = Array.from(document.querySelectorAll('.jp-DirListing-content .jp-DirListing-itemText'));
      const markdown = Array.from(document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown'));
      return {files: names.map(e => e.textContent.trim()),
              text: markdown.map(e => e.textContent).join('\n')};
    },

    labReady() {
      return !!(app() && app().shell && document.querySelector('.jp-LabShell'));
    },

    // {kernel: 'idle/connected', counts: [execution count of each code cell], dirty}
    notebookState(path) {
      const p = panel(path);
      if (!p) return null;
      const kernel = p.sessionContext.session && p.sessionContext.session.kernel;
      const counts = [];
      for (let i = 0; i < p.content.model.cells.length; i++) {
        const cell = p.content.model.cells.get(i);
        if (cell.type === 'code') counts.push(cell.executionCount);
      }
      return {kernel: kernel ? kernel.status + '/' + kernel.connectionStatus : 'none',
              counts, dirty: p.context.model.dirty};
    },

    selectCell(path, index) {
      const notebook = panel(path).content;
      notebook.activeCellIndex = index;
      notebook.mode = 'command';
    },

    scrollToCell(path, index) {
      this.selectCell(path, index);
      panel(path).content.scrollToItem(index, 'start');
    },

    // True when cell `index` is drawn at the top of its notebook's visible area.
    cellAtTop(path, index) {
      const notebook = panel(path).content;
      const cell = notebook.widgets[index];
      if (!cell || !cell.node.isConnected) return false;
      const top = cell.node.getBoundingClientRect().top;
      const area = notebook.node.getBoundingClientRect().top;
      return Math.abs(top - area) < 40 || notebook.node.scrollTop + notebook.node.clientHeight
        >= notebook.node.scrollHeight - 2;  // the last cells cannot reach the top
    },

    // The place of a menu (by its id, e.g. jp-mainmenu-file) in the menu bar, or -1: its
    // title is in the interface's language, its id is not.
    menuIndex(id) {
      const bar = Array.from(app().shell.widgets('menu')).find(w => w.menus);
      return bar ? bar.menus.findIndex(m => m.id === id) : -1;
    },

    activate(path) {
      app().shell.activateById(byPath(path).id);
    },

    closeAllBut(path) {
      for (const w of mainWidgets())
        if (!(w.context && w.context.path === path)) w.close();
    },

    openPanels() {
      return mainWidgets().length;
    },

    // Ids of the main-area panels holding this kind of widget; output views in cell order.
    widgetsOfClass(cls) {
      return mainWidgets()
        .filter(w => w.hasClass(cls) || w.node.querySelector('.' + cls))
        .sort((a, b) => (a.content.index || 0) - (b.content.index || 0)).map(w => w.id);
    },

    // Put panel `moved` to the right of panel `ref`, as dragging its tab there does.
    splitRight(ref, moved) {
      const widget = mainWidgets().find(w => w.id === moved);
      app().shell.add(widget, 'main', {ref, mode: 'split-right'});
    },

    // The hub's home page after "Stop My Server": only the start button is left.
    hubServerStopped() {
      const start = document.querySelector('#start'), stop = document.querySelector('#stop');
      return !!start && start.textContent.includes('Start') && (!stop || stop.offsetParent === null);
    },
  };
})();
