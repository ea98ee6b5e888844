// Fails with one line when the running Node.js is older than the project needs.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Relata needs Node.js >= 22.12 (this is ${process.version}); run it through npm (npm install && npm start), which uses the pinned Node from node_modules, or install Node 24.`,
  );
  process.exit(1);
}
