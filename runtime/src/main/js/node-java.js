'use strict';
// require('node-api-java/node-java'): node-java's API (npm `java`) on node-api-java (lib/node-java.js).
module.exports = require('./lib/node-java');
