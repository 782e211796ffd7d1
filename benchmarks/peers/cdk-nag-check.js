// cdk-nag over CloudFormation templates: each template is loaded into its own stack through
// CfnInclude and the AwsSolutions pack validates the construct tree (cdk-nag 3 is a policy validation
// plugin; validateScope is what `Validations.of(app).addPlugins(...)` runs at synth).
// Usage: node cdk-nag-check.js <template-or-folder>...
'use strict';
const fs = require('fs');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

function templates(p) {
  const st = fs.statSync(p);
  if (st.isFile()) return [p];
  return fs.readdirSync(p).sort().flatMap((n) => templates(path.join(p, n)))
    .filter((f) => /\.(json|ya?ml|template)$/.test(f));
}

const files = process.argv.slice(2).flatMap(templates);
const app = new cdk.App();
files.forEach((file, i) => {
  const stack = new cdk.Stack(app, 'Stack' + i);
  new CfnInclude(stack, 'Template', { templateFile: file });
});
const report = new AwsSolutionsChecks(app).validateScope(app);
const resources = report.violations.reduce((n, v) => n + v.violatingResources.length, 0);
console.log(`cdk-nag: ${files.length} templates, ${report.violations.length} rules violated on ${resources} resources`);
