// Brings the cited passage of an article into view (the page is highlighted server-side).
(function () {
  "use strict";
  var target = document.getElementById("evidence");
  if (target) {
    target.scrollIntoView({ block: "center" });
    target.classList.add("flash");
  }
})();
