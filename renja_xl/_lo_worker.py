"""Worker run by a Python that has LibreOffice's UNO bridge (often /usr/bin/python3, not ours).

Usage: python3 _lo_worker.py REQUEST.json RESULT.json
REQUEST: {"soffice": path, "files": [{"in": path, "save_as": path-or-null}]}
RESULT:  {"files": [{"in": path, "sheets": {name: {"values": 2-D list, "errors": {"A1": code},
          "formulas": 2-D list}}} ...]} or {"error": text}
It starts its own headless soffice with a throw-away profile, opens each file hidden, calls
calculateAll(), and reads values back. Standard library and uno only: it must not import renja_xl.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _col_letters(idx):
    s = ""
    idx += 1
    while idx:
        idx, r = divmod(idx - 1, 26)
        s = chr(65 + r) + s
    return s


def _connect(soffice, profile):
    pipe = "renjaxl_%d_%d" % (os.getpid(), int(time.time() * 1000))
    proc = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except NoConnectException:
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("soffice tidak dapat dijalankan (kode %s)" % proc.poll())
            time.sleep(0.2)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def _read_sheet(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last_col = cursor.getRangeAddress().EndColumn
    last_row = cursor.getRangeAddress().EndRow
    rng = sheet.getCellRangeByPosition(0, 0, last_col, last_row)
    values = [list(r) for r in rng.getDataArray()]
    formulas = [list(r) for r in rng.getFormulaArray()]
    errors = {}
    # FormulaResult.ERROR == 4: only the cells whose formula evaluates to an error
    try:
        ranges = rng.queryFormulaCells(4)
        for addr in ranges.getRangeAddresses():
            for r in range(addr.StartRow, addr.EndRow + 1):
                for c in range(addr.StartColumn, addr.EndColumn + 1):
                    cell = sheet.getCellByPosition(c, r)
                    errors[_col_letters(c) + str(r + 1)] = cell.getError()
    except Exception:  # pragma: no cover - older LibreOffice
        pass
    return {"values": values, "formulas": formulas, "errors": errors}


def main():
    req_path, res_path = sys.argv[1], sys.argv[2]
    with open(req_path, encoding="utf-8") as f:
        req = json.load(f)
    profile = tempfile.mkdtemp(prefix="renjaxl_lo_")
    proc = None
    out = {"files": []}
    try:
        proc, desktop = _connect(req["soffice"], profile)
        for item in req["files"]:
            url = uno.systemPathToFileUrl(os.path.abspath(item["in"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
            if doc is None:
                out["files"].append({"in": item["in"], "error": "gagal dibuka"})
                continue
            try:
                doc.calculateAll()
                sheets = {}
                for name in doc.Sheets.ElementNames:
                    sheets[name] = _read_sheet(doc.Sheets.getByName(name))
                res = {"in": item["in"], "sheets": sheets}
                if item.get("save_as"):
                    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(item["save_as"])),
                                   (_prop("FilterName", "Calc Office Open XML"),))
                out["files"].append(res)
            finally:
                doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    except Exception as e:  # report, never hang the caller
        out = {"error": "%s: %s" % (type(e).__name__, e)}
    finally:
        if proc is not None:
            try:
                proc.wait(timeout=20)
            except Exception:
                proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    with open(res_path, "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
