"""A JupyterLab layout for lesson 05 that works wherever the workshop folder sits.

A workspace file names its documents from the folder JupyterLab's file browser starts in
(the server's root folder). The workshop's own `workshop-layout.jupyterlab-workspace` names
them from the workshop's top folder, which is right on Binder or after `jupyter lab` in that
folder, but not on a hub, where a link puts the workshop in a folder of your home. This
writes a copy with the names that fit where this notebook runs, and that show the edition of
the lesson it runs in (zh-TW/notebooks/05-jupyterlab-tour.ipynb for the Chinese one):

    from workshop import layout
    layout.write_workspace()   # writes my-layout.jupyterlab-workspace next to the notebook
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from . import language
from .data import TOP_FOLDER

TEMPLATE = TOP_FOLDER / "notebooks" / "workshop-layout.jupyterlab-workspace"
# The template names its documents from the workshop's top folder: the lessons from
# notebooks/ (English), the data from data/.
_NAMED = re.compile(r"(^|:)(notebooks|data)/")

MESSAGES = {
    "written": {
        "en": "Wrote {file} next to this notebook: double-click it in the file browser to open the layout.",
        "zh-TW": "已在這本筆記本旁邊寫好 {file}：在檔案瀏覽器裡按兩下它，就會開啟這個版面配置。",
    },
    "outside": {
        "en": "JupyterLab here starts outside the workshop's folder, so no layout file can name its "
              "documents: arrange the panels by hand as above.",
        "zh-TW": "這裡的 JupyterLab 是從工作坊資料夾以外的地方開始的，版面配置檔無法指到這些文件："
                 "請照上面的方法手動排列面板。",
    },
}


def _running_server_roots() -> dict[int, Path]:
    """{process id: root folder} of the Jupyter servers running on this computer, as each
    server records itself in Jupyter's runtime folder; empty if that cannot be read."""
    try:
        from jupyter_core.paths import jupyter_runtime_dir
        files = Path(jupyter_runtime_dir()).glob("jpserver-*.json")
    except (ImportError, OSError):
        return {}
    roots = {}
    for file in files:
        try:
            info = json.loads(file.read_text(encoding="utf-8"))
            roots[int(info["pid"])] = Path(info["root_dir"]).expanduser().resolve()
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return roots


def server_root(top_folder: Path = TOP_FOLDER) -> Path:
    """The folder JupyterLab's file browser starts in.

    The server that started this kernel is its parent process, and says its root folder.
    Without one (the kernel was started some other way), guess as hubs and Binder do: the
    home folder when the workshop sits inside it, else the workshop's own folder.
    """
    root = _running_server_roots().get(os.getppid())
    if root is not None:
        return root
    home = Path.home().resolve()
    return home if home in top_folder.parents else top_folder


def lessons_folder(top_folder: Path = TOP_FOLDER, here: Path | None = None) -> Path:
    """The folder of the lesson the layout shows: the current folder when it holds that
    lesson (the notebook asking is an edition's own, e.g. zh-TW/notebooks), else the English
    lessons' folder."""
    here = Path.cwd() if here is None else here
    shown = Path(json.loads(TEMPLATE.read_text(encoding="utf-8"))["data"]["layout-restorer:data"]
                 ["main"]["current"].split(":", 1)[1]).name
    return here if (here / shown).is_file() else top_folder / "notebooks"


def _renamed(workspace, where: dict[str, str], key: bool = False):
    """`workspace` with every document named through `where` ({"notebooks": ..., "data": ...}):
    ids such as "notebook:notebooks/..." and paths such as "data/...", and the file browser's
    folder, a path that is just "notebooks"."""
    if isinstance(workspace, dict):
        return {_renamed(k, where, key=True): _renamed(v, where) for k, v in workspace.items()}
    if isinstance(workspace, list):
        return [_renamed(item, where) for item in workspace]
    if isinstance(workspace, str):
        if not key and workspace in where:
            return where[workspace]
        return _NAMED.sub(lambda m: f"{m.group(1)}{where[m.group(2)]}/", workspace)
    return workspace


def workspace_for(root: Path, name: str, top_folder: Path = TOP_FOLDER,
                  lessons: Path | None = None) -> dict | None:
    """The template layout with its documents named from `root`, showing the lesson in
    `lessons` (default: the English lessons' folder), or None if the workshop is not inside
    `root`."""
    lessons = top_folder / "notebooks" if lessons is None else lessons
    try:
        where = {"notebooks": lessons.resolve().relative_to(root.resolve()).as_posix(),
                 "data": (top_folder / "data").resolve().relative_to(root.resolve()).as_posix()}
    except ValueError:
        return None
    workspace = _renamed(json.loads(TEMPLATE.read_text(encoding="utf-8")), where)
    workspace["metadata"]["id"] = name
    return workspace


def write_workspace(name: str = "my-layout") -> None:
    """Write <name>.jupyterlab-workspace next to this notebook; print one line."""
    workspace = workspace_for(server_root(), name, lessons=lessons_folder())
    if workspace is None:
        print(language.text(MESSAGES, "outside") + "\n", end="")
        return
    file = Path(f"{name}.jupyterlab-workspace")
    file.write_text(json.dumps(workspace, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(language.text(MESSAGES, "written", file=file.name) + "\n", end="")
