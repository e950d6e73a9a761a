// Collapsed blocks (the boilerplate stripped from a source article) print open, and close again
// afterwards. Styles cannot open a closed <details>, so this is the one script of the site.
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (block) {
      block.open = true;
      opened.push(block);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (block) {
      block.open = false;
    });
    opened = [];
  });
})();
