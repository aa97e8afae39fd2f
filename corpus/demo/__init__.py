"""The bundled demo website (JDIH Demo + Warta Demo) and the generator that renders it.

`corpus/demo/site/` is the committed output, served as static files by `telusur demo`;
`corpus/demo/content/` is the data it is rendered from; `corpus.demo.build` renders it.
"""
