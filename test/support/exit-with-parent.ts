// Preloaded into the servers the tests spawn (spawned-server.ts): their stdin is a pipe from the
// test process, and it ends when that process ends, however it ends.
process.stdin.on('end', () => process.exit(1));
process.stdin.resume();
