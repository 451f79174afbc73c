'use strict';
// restify 11 requires spdy at load time but uses it only when a server is created with the
// `spdy` option, which this bot never does. The real spdy pulls in http-deceiver, which breaks
// on Node 24 (process.binding('http_parser') is gone) and warns (DEP0111) on Node 20 and 22.
function unsupported() {
  throw new Error('SPDY is not supported by this build (see vendor/spdy-unsupported)');
}
module.exports = { createServer: unsupported };
