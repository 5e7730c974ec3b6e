// Runs exported ONNX files in onnxruntime-node (Microsoft's runtime, independent of libtorch).
// argv[2]: a JSON list of {onnx, input, rows, cols, output}; input/output are raw float32 files.
const fs = require('fs');
const ort = require('onnxruntime-node');

(async () => {
  const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const dims = [];
  for (const c of cases) {
    const session = await ort.InferenceSession.create(c.onnx);
    const buf = fs.readFileSync(c.input);
    const x = new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4);
    const result = await session.run({features: new ort.Tensor('float32', x, [c.rows, c.cols])});
    const y = result.logits;
    fs.writeFileSync(c.output, Buffer.from(y.data.buffer, y.data.byteOffset, y.data.byteLength));
    dims.push(y.dims);
  }
  console.log(JSON.stringify(dims));
})().catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exit(1);
});
