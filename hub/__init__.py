"""The class hub's own code, installed as `workshop_hub` with either set of packages:
its settings (workshop_hub.settings) and how people sign in (workshop_hub.auth).

hub/jupyterhub_config.py imports only these, the standard library and JupyterHub, so a hub
needs nothing of the maintainers' toolkit (workshop_kit), which may import from here.
"""
