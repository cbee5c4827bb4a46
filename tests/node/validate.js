#!/usr/bin/env node
// Validate JSON Resume documents with the official validator of @jsonresume/schema.
// Usage: node validate.js FILE...         one document per file
//        node validate.js --each FILE     a file holding a JSON array of documents
// Prints one JSON line per document: {"name", "valid", "errors": [{property, message}]}.
'use strict';
const fs = require('fs');
const path = require('path');
const { validate } = require(path.join(__dirname, 'node_modules', '@jsonresume', 'schema'));

function report(name, doc) {
  validate(doc, (errors, valid) => {
    const found = (errors || []).map((e) => ({ property: e.property, message: e.message }));
    process.stdout.write(JSON.stringify({ name, valid: Boolean(valid), errors: found }) + '\n');
  });
}

const args = process.argv.slice(2);
if (args[0] === '--each') {
  JSON.parse(fs.readFileSync(args[1], 'utf8')).forEach((doc, i) => report(`${args[1]}[${i}]`, doc));
} else {
  for (const file of args) report(file, JSON.parse(fs.readFileSync(file, 'utf8')));
}
