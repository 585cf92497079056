// Turns one of nsfwjs's browserified TF.js models into the plain TF.js layout the workbench reads:
// model.json (topology + weights manifest) and one .bin per weight shard (the base64 string decoded).
// Usage: node models/tfjs-unwrap.js MODEL_DIR   (MODEL_DIR holds model.min.js and group1-shard*.min.js)
'use strict';
const fs = require('fs');
const path = require('path');
const dir = path.resolve(process.argv[2]);
// each .min.js is a UMD bundle whose module export is the object (or string) we want
const model = require(path.join(dir, 'model.min.js'));
if (!model.modelTopology || !model.weightsManifest) {
  throw new Error(dir + ': model.min.js does not export a TF.js model');
}
for (const group of model.weightsManifest) {
  group.paths = group.paths.map((p) => {
    const base64 = require(path.join(dir, p + '.min.js'));
    if (typeof base64 !== 'string') {
      throw new Error(dir + ': ' + p + '.min.js does not export a base64 string');
    }
    fs.writeFileSync(path.join(dir, p + '.bin'), Buffer.from(base64, 'base64'));
    return p + '.bin';
  });
}
fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model));
