// MolForge browser helpers called from Blazor through JS interop: RDKit MinimalLib depictions, 3Dmol.js viewer,
// Plotly charts. Every library is served from wwwroot/lib (nothing loads from the internet).
(function () {
    "use strict";
    let rdkitPromise = null;

    function rdkit() {
        if (!rdkitPromise) {
            rdkitPromise = window.initRDKitModule({ locateFile: () => "lib/rdkit/RDKit_minimal.wasm" })
                .catch(e => { rdkitPromise = null; throw e; });
        }
        return rdkitPromise;
    }

    function parse(RDKit, text, allowQuery) {
        let mol = null;
        try { mol = RDKit.get_mol(text); } catch (e) { mol = null; }
        if ((!mol || !mol.is_valid()) && allowQuery) {
            if (mol) { mol.delete(); }
            try { mol = RDKit.get_qmol(text); } catch (e) { mol = null; }
        }
        if (mol && !mol.is_valid()) { mol.delete(); mol = null; }
        return mol;
    }

    const drawOptions = (w, h) => JSON.stringify({
        width: w, height: h, bondLineWidth: 1.4, addStereoAnnotation: true, clearBackground: false,
        padding: 0.08, fixedFontSize: -1, minFontSize: 9
    });

    const scripts = {};
    function ensureScript(src) {
        if (!scripts[src]) {
            scripts[src] = new Promise((resolve, reject) => {
                const tag = document.createElement("script");
                tag.src = src;
                tag.onload = () => resolve();
                tag.onerror = () => { delete scripts[src]; reject(new Error("could not load " + src)); };
                document.head.appendChild(tag);
            });
        }
        return scripts[src];
    }

    window.molforge = {
        // Draws `text` (SMILES, or SMARTS when allowQuery) as SVG into `element`. Returns true when it could be drawn.
        depict: async function (element, text, width, height, allowQuery) {
            if (!element) { return false; }
            if (!text) { element.innerHTML = ""; element.removeAttribute("data-depicted"); return false; }
            let RDKit;
            try { RDKit = await rdkit(); } catch (e) {
                element.innerHTML = '<span class="mf-depict-note">depiction unavailable</span>';
                return false;
            }
            const mol = parse(RDKit, text, allowQuery);
            if (!mol) {
                element.innerHTML = '<span class="mf-depict-note">cannot draw this structure</span>';
                element.removeAttribute("data-depicted");
                return false;
            }
            try {
                try { mol.set_new_coords(); } catch (e) { /* query molecules may refuse; the default layout is used */ }
                element.innerHTML = mol.get_svg_with_highlights(drawOptions(width, height));
                element.setAttribute("data-depicted", text);
                return true;
            } finally {
                mol.delete();
            }
        },

        // Shows a molblock (V2000, 3D, with hydrogens) in a 3Dmol.js viewer inside `element`.
        view3d: async function (element, molblock) {
            await ensureScript("lib/3dmol/3Dmol-min.js");
            if (!element || !window.$3Dmol) { return false; }
            element.innerHTML = "";
            const viewer = window.$3Dmol.createViewer(element, { backgroundColor: "white", antialias: true });
            viewer.addModel(molblock, "sdf");
            viewer.setStyle({}, { stick: { radius: 0.14, colorscheme: "Jmol" }, sphere: { scale: 0.22, colorscheme: "Jmol" } });
            viewer.zoomTo();
            viewer.render();
            element._mfViewer = viewer;
            return true;
        },

        // Orbital energy level diagram: `energies` in hartree, `occupied` = number of doubly occupied orbitals,
        // `active` = [first, count] of the active orbitals (0-based) or null.
        plotOrbitals: async function (element, energies, occupied, active) {
            await ensureScript("lib/plotly/plotly.min.js");
            if (!element || !window.Plotly || !energies || energies.length === 0) { return false; }
            const lo = Math.max(0, occupied - 8), hi = Math.min(energies.length, occupied + 8);
            const traces = [];
            const shown = { occ: false, virt: false, act: false };
            for (let i = lo; i < hi; i++) {
                const e = energies[i];
                const isActive = active && i >= active[0] && i < active[0] + active[1];
                const kind = isActive ? "act" : (i < occupied ? "occ" : "virt");
                const color = kind === "act" ? "#7b1fa2" : (kind === "occ" ? "#1565c0" : "#ef6c00");
                const label = i === occupied - 1 ? "HOMO" : (i === occupied ? "LUMO" : "");
                traces.push({
                    x: [0.2, 0.8], y: [e, e], mode: "lines", line: { color: color, width: 3 },
                    name: kind === "act" ? "active" : (kind === "occ" ? "occupied" : "virtual"),
                    legendgroup: kind, showlegend: !shown[kind],
                    hovertemplate: "orbital " + (i + 1) + (label ? " (" + label + ")" : "") + "<br>" + e.toFixed(5) + " Eh<extra></extra>"
                });
                shown[kind] = true;
            }
            const annotations = [];
            if (occupied > 0 && occupied - 1 < energies.length) {
                annotations.push({ x: 0.85, y: energies[occupied - 1], text: "HOMO", showarrow: false, xanchor: "left" });
            }
            if (occupied < energies.length) {
                annotations.push({ x: 0.85, y: energies[occupied], text: "LUMO", showarrow: false, xanchor: "left" });
            }
            window.Plotly.newPlot(element, traces, {
                margin: { l: 60, r: 20, t: 10, b: 30 }, height: 320,
                xaxis: { visible: false, range: [0, 1.1] }, yaxis: { title: { text: "orbital energy (Eh)" }, zeroline: false },
                annotations: annotations, legend: { orientation: "h", y: -0.05 },
                font: { family: "system-ui, 'DejaVu Sans', sans-serif" }
            }, { displaylogo: false, responsive: true });
            return true;
        },

        // Downloads `url` (same origin, with the sign-in cookie) and saves it under the server's file name. Returns null
        // on success, or the server's message (plain text) when the file could not be made.
        download: async function (url) {
            let response;
            try { response = await fetch(url, { credentials: "same-origin" }); } catch (e) { return "The server could not be reached."; }
            if (!response.ok) {
                const text = (await response.text()).trim();
                return text.length > 0 && text.length < 2000 && !text.startsWith("<") ? text : "The file could not be made (HTTP " + response.status + ").";
            }
            const blob = await response.blob();
            const disposition = response.headers.get("Content-Disposition") || "";
            const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
            const name = match ? decodeURIComponent(match[1]) : url.split("/").pop();
            const link = document.createElement("a");
            link.href = URL.createObjectURL(blob);
            link.download = name;
            document.body.appendChild(link);
            link.click();
            setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
            return null;
        },

        // VQE energy per iteration, with reference lines (HF, CASCI) when given.
        plotConvergence: async function (element, energies, eHf, eCasci) {
            await ensureScript("lib/plotly/plotly.min.js");
            if (!element || !window.Plotly || !energies || energies.length === 0) { return false; }
            const x = energies.map((_, i) => i + 1);
            const traces = [{ x: x, y: energies, mode: "lines+markers", name: "E(VQE)", line: { color: "#1565c0" }, marker: { size: 4 } }];
            const ref = (y, name, color) => ({ x: [1, x.length], y: [y, y], mode: "lines", name: name, line: { color: color, dash: "dash" } });
            if (eHf !== null && eHf !== undefined) { traces.push(ref(eHf, "E(HF)", "#9e9e9e")); }
            if (eCasci !== null && eCasci !== undefined) { traces.push(ref(eCasci, "E(CASCI)", "#2e7d32")); }
            window.Plotly.newPlot(element, traces, {
                margin: { l: 95, r: 20, t: 10, b: 40 }, height: 320,
                xaxis: { title: { text: "optimiser iteration" } }, yaxis: { title: { text: "energy (Eh)", standoff: 12 }, tickformat: ".4f", automargin: true },
                legend: { orientation: "h", y: -0.2 }, font: { family: "system-ui, 'DejaVu Sans', sans-serif" }
            }, { displaylogo: false, responsive: true });
            return true;
        }
    };
})();
