// Make the widgets manager load everything from this site instead of a CDN.
// Loaded after require.js and before embed-amd.js.
(function () {
  var here = document.currentScript.src.replace(/[^/]*$/, "");
  var manager = here + "html-manager/";
  // embed-amd.js defines these modules itself; each finds its icon fonts beside the path
  // require.js gives its name, so every name must point into the manager's folder.
  var paths = { "@jupyter-widgets/html-manager/dist": here + "html-manager" };
  ["base", "base7", "controls", "controls7", "html-manager"].forEach(function (name) {
    paths["@jupyter-widgets/" + name] = manager + name;
  });
  // The ipyleaflet front end, which the manager would otherwise fetch from a CDN.
  paths["jupyter-leaflet"] = here + "jupyter-leaflet/index";
  requirejs.config({ paths: paths });

  // A slider's handle (role="slider") gets no name from the widgets front end, so a screen
  // reader says only "slider". Name each handle after its widget's label ("Zoom").
  function nameSliderHandles() {
    document.querySelectorAll(".widget-slider .noUi-handle:not([aria-label])").forEach(function (handle) {
      var label = handle.closest(".widget-slider").querySelector(".widget-label");
      var text = label && label.textContent.trim();
      if (text) handle.setAttribute("aria-label", text);
    });
  }
  new MutationObserver(nameSliderHandles).observe(document.documentElement, { childList: true, subtree: true });
})();
