// Preloaded (node --require) into a child process under test: appends "<pid> <local port>" to the
// file named by LEVQOR_TEST_CLIENT_PORTS for every TCP connection it opens, synchronously on
// connect, before the first byte is written. A server in the test can then tell which process sent
// a request from the request's socket alone, however late it gets to read it.
const channels = require('node:diagnostics_channel');
const { appendFileSync } = require('node:fs');

const file = process.env.LEVQOR_TEST_CLIENT_PORTS;
if (file) {
  channels.subscribe('net.client.socket', ({ socket }) => {
    socket.once('connect', () => appendFileSync(file, `${process.pid} ${socket.localPort}\n`));
  });
}
