// Run Python inside Pyodide (the runtime xlwings Lite uses) under Node.js, offline.
//
//   node pyodide/run.mjs <oldest|newest> <wheel dir> pytest <pytest args…>
//   node pyodide/run.mjs <oldest|newest> <wheel dir> script <file.py> <args…>
//
// Every .whl in <wheel dir> is installed with loadPackage (pure-Python wheels from PyPI and
// the project's own wheel, as xlwings Lite installs requirements.txt); the repository is
// mounted at /repo (NODEFS), the working directory. The exit code is pytest's (or the
// script's SystemExit code). Nothing is fetched from the network.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const [which, wheelDir, mode, ...rest] = process.argv.slice(2);
if (!["oldest", "newest"].includes(which) || !wheelDir || !["pytest", "script"].includes(mode)) {
  console.error("användning: node pyodide/run.mjs <oldest|newest> <hjulmapp> pytest|script …");
  process.exit(2);
}
const { loadPyodide } = await import(`pyodide-${which}`);
const py = await loadPyodide({
  env: { HOME: "/home/pyodide", XLWINGS_ON_SERVER: "true", XLWINGS_LICENSE_KEY: "noncommercial",
         XLPLUGIN_INSTALLED: "1", PYTHONDONTWRITEBYTECODE: "1", ...(process.env.FINSAM_JOBS ? { FINSAM_JOBS: process.env.FINSAM_JOBS } : {}) },
  stdout: (s) => process.stdout.write(s + "\n"),
  stderr: (s) => process.stderr.write(s + "\n"),
});
const wheels = fs.readdirSync(wheelDir).filter((f) => f.endsWith(".whl")).sort()
  .map((f) => path.resolve(wheelDir, f));
await py.loadPackage(wheels, { messageCallback: () => {}, errorCallback: (m) => console.error(m) });
py.FS.mkdirTree("/repo");
py.FS.mount(py.FS.filesystems.NODEFS, { root: repo }, "/repo");
py.globals.set("ARGS", py.toPy(rest));
py.globals.set("MODE", mode);
const code = await py.runPythonAsync(`
import os, sys
sys.dont_write_bytecode = True
os.chdir("/repo")
# the installed wheel is what runs, as in xlwings Lite: not the checkout in /repo
sys.path[:] = [p for p in sys.path if p not in ("", ".", "/repo")]
args = list(ARGS)
if MODE == "pytest":
    import pytest
    rc = int(pytest.main(["-p", "no:cacheprovider", *args]))
else:
    import runpy
    sys.argv = args
    rc = 0
    try:
        runpy.run_path(args[0], run_name="__main__")
    except SystemExit as exc:
        rc = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
rc
`);
process.exit(Number(code));
