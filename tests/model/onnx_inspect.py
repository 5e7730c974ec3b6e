"""Python's onnx package on exported files: its checker, the input/output signature and the
metadata. argv: ONNX files. Prints one JSON object per file."""
import json
import sys

import onnx

for path in sys.argv[1:]:
    m = onnx.load(path)
    onnx.checker.check_model(m, full_check=True)
    def sig(v):
        t = v.type.tensor_type
        return {"name": v.name, "elem_type": t.elem_type,
                "dims": [d.dim_param or d.dim_value for d in t.shape.dim]}
    print(json.dumps({"file": path, "opset": m.opset_import[0].version,
                      "inputs": [sig(v) for v in m.graph.input],
                      "outputs": [sig(v) for v in m.graph.output],
                      "metadata": {p.key: p.value for p in m.metadata_props}}))
