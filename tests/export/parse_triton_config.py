# Parses config.pbtxt files with protobuf's text_format against Triton's model_config.proto
# (test_triton). Usage: parse_triton_config.py GENERATED_PB2_DIR CONFIG...
import sys
sys.path.insert(0, sys.argv[1])
from google.protobuf import text_format
import model_config_pb2
for path in sys.argv[2:]:
    cfg = text_format.Parse(open(path).read(), model_config_pb2.ModelConfig())
    assert cfg.max_batch_size > 0 and cfg.HasField("dynamic_batching"), path
    assert all(i.data_type == model_config_pb2.TYPE_FP32 for i in list(cfg.input) + list(cfg.output)), path
    print(path, cfg.platform, list(cfg.input[0].dims), list(cfg.output[0].dims))
