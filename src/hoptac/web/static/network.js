// Draws the network of countries, organizations and persons from /api/network with Cytoscape.
(function () {
  "use strict";
  var box = document.getElementById("network");
  var status = document.getElementById("network-status");
  if (!box || typeof cytoscape !== "function") { return; }

  var colours = { country: "#c0392b", organization: "#1f5f8b", person: "#2e8b57" };

  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (data) {
      if (!data.nodes.length) { status.textContent = "No data yet."; return; }
      status.textContent = data.nodes.length + " nodes, " + data.edges.length + " links.";
      var cy = cytoscape({
        container: box,
        elements: data.nodes.concat(data.edges),
        wheelSensitivity: 0.3,
        style: [
          { selector: "node", style: {
              "label": "data(label)", "font-size": 10, "text-wrap": "ellipsis",
              "text-max-width": 140, "color": "#222", "text-valign": "bottom",
              "text-margin-y": 3, "width": "mapData(weight, 1, 6, 14, 34)",
              "height": "mapData(weight, 1, 6, 14, 34)" } },
          { selector: "node[kind = 'country']", style: {
              "background-color": colours.country, "shape": "round-rectangle",
              "width": 30, "height": 30, "font-weight": "bold", "font-size": 12 } },
          { selector: "node[kind = 'organization']", style: {
              "background-color": colours.organization, "shape": "ellipse" } },
          { selector: "node[kind = 'person']", style: {
              "background-color": colours.person, "shape": "diamond" } },
          { selector: "edge", style: {
              "width": "mapData(weight, 1, 5, 1, 6)", "line-color": "#9aa7b1",
              "curve-style": "haystack", "opacity": 0.7 } },
          { selector: "edge[kind = 'cooperation']", style: { "line-color": "#c0392b" } },
          { selector: "node:selected", style: { "border-width": 3, "border-color": "#f1c40f" } }
        ],
        layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 80 }
      });
      window.hoptacNetwork = cy;  // for the browser tests and the curious
      document.querySelectorAll(".network-kinds input[name=kind]").forEach(function (box) {
        box.addEventListener("change", function () {
          cy.nodes("[kind = '" + box.value + "']").style("display", box.checked ? "element" : "none");
        });
      });
      cy.on("tap", "node", function (event) {
        var url = event.target.data("url");
        if (url) { window.location.href = url; }
      });
    })
    .catch(function (error) {
      status.textContent = "Could not load the network: " + error.message;
    });
})();
