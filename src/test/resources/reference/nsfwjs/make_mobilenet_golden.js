// TF.js's own outputs of the nsfwjs MobileNetV2 for one synthetic image: the golden values MobileNetGoldenTest
// compares the workbench's DJL implementation with. Independent of the workbench: TF.js (pure JavaScript CPU
// backend) runs the model exactly as nsfwjs ships it.
//
// Inputs: the npm packages nsfwjs@4.4.0 (the model, bundled in the package) and @tensorflow/tfjs@4.22.0.
//   mkdir /tmp/golden && cd /tmp/golden && npm init -y && npm install nsfwjs@4.4.0 @tensorflow/tfjs@4.22.0 buffer@6.0.3
//   NODE_PATH=node_modules node <repo>/src/test/resources/reference/nsfwjs/make_mobilenet_golden.js > mobilenet-v2-golden.json
//
// The image is the one the InceptionV3 golden uses, at 224x224: pixel (x, y) = [(7x + 3y) mod 256,
// floor(128 + 127 sin(x/11) cos(y/17)), (5 (x XOR y)) mod 256], divided by 255 as nsfwjs does, NHWC.
// Written per layer: shape, the first 64 values, their count and sum; all values for flatten_1 and dense_3.
const tf = require('@tensorflow/tfjs');
const nsfwjs = require('nsfwjs');

const LAYERS = ['Conv1_relu', 'block_6_depthwise_BN', 'block_10_project_BN', 'out_relu', 'flatten_1', 'dense_3'];
const FULL = new Set(['flatten_1', 'dense_3']);
const SIZE = 224;

(async () => {
  await tf.setBackend('cpu');
  const silent = console.info;
  console.info = () => {};
  const model = (await nsfwjs.load('MobileNetV2', {size: SIZE})).model;
  console.info = silent;
  const pixels = new Float32Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const i = (y * SIZE + x) * 3;
      pixels[i] = ((7 * x + 3 * y) % 256) / 255;
      pixels[i + 1] = Math.floor(128 + 127 * Math.sin(x / 11) * Math.cos(y / 17)) / 255;
      pixels[i + 2] = ((5 * (x ^ y)) % 256) / 255;
    }
  }
  const probe = tf.model({inputs: model.inputs, outputs: LAYERS.map(n => model.getLayer(n).output)});
  const outputs = probe.predict(tf.tensor4d(pixels, [1, SIZE, SIZE, 3]));
  const result = {};
  LAYERS.forEach((name, k) => {
    const data = Array.from(outputs[k].dataSync());
    const entry = {shape: outputs[k].shape, count: data.length, sum: data.reduce((a, b) => a + b, 0)};
    entry.data = FULL.has(name) ? data : data.slice(0, 64);
    result[name] = entry;
  });
  result.source = 'TF.js ' + tf.version.tfjs + ' (' + tf.getBackend() + ' backend), nsfwjs 4.4.0 MobileNetV2';
  process.stdout.write(JSON.stringify(result) + '\n');
})();
