// n8n finds the nodes and credentials through the "n8n" block of package.json; tools that
// require() the package get the same lists from here, without a second copy of them.
module.exports = require('./package.json').n8n;
