// SPDX-License-Identifier: Apache-2.0

extension ConsoleAssets {
    /// The policies page's script, served from `/console/assets/import.js`: shows the import
    /// form's file picker and reads the chosen Ranger export into the form's text box, which is
    /// what the form posts (so the import works the same pasted, without JavaScript).
    static let importScript = #"""
        "use strict";
        (function () {
          var row = document.getElementById("import-file-row");
          var picker = document.getElementById("import-file");
          var box = document.getElementById("export");
          if (!row || !picker || !box || !window.FileReader) { return; }
          row.hidden = false;
          picker.addEventListener("change", function () {
            var file = picker.files && picker.files[0];
            if (!file) { return; }
            var reader = new FileReader();
            reader.onload = function () { box.value = String(reader.result); };
            reader.onerror = function () { box.value = ""; };
            reader.readAsText(file);
          });
        })();
        """#
}
