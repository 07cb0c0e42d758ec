// ESLint rule greenroom/untrusted-text: participant-controlled text reaches the page only through the one renderer.
//
// Participants choose their user id, attributes and client info; tags are free text too. Rendered raw, a hidden or
// direction-changing character makes a look-alike id read as another, or reverses the page's own text. The app
// shows such text with <UntrustedText> (or, where only a string fits, revealHidden / untrustedPlain / plainTitle).
// This rule reports any such field that reaches a text sink without one of them:
// - a JSX child expression ({p.userId}, {`(${e.userId})`}, {[p.osName, p.osVersion].join(' ')}),
// - a text-bearing attribute on any element or component (title, label, aria-label, alt, placeholder…),
// - an assignment to document.title.
// Fields are known by name (FIELDS); values derived from them are followed through variables, template literals,
// string and array methods, Object.entries/keys/values and the parameters of .map/.filter/… callbacks over them.
// Anything passed to a component prop that is not a text attribute is left to that component, which this rule
// checks where it renders. The rule reads names, not types: a field renamed away from FIELDS escapes it, so new
// participant-controlled fields belong in FIELDS.

/** Participant-controlled (or otherwise free-text, untrusted) fields of IVS participants and stages. */
export const FIELDS = new Set([
  'userId',
  'attributes',
  'tags',
  'osName',
  'osVersion',
  'browserName',
  'browserVersion',
  'sdkVersion',
  'ispName',
  'recordingS3BucketName',
  'recordingS3Prefix',
]);

/** Calls whose result is safe to render whatever goes in (they reveal hidden characters, or return no text). */
const SANITIZERS = new Set(['revealHidden', 'untrustedPlain', 'plainTitle', 'hasHiddenChars', 'csvCell', 'toCsv', 'safeJson', 'safeFileName']);

/** Methods whose result carries the text of the value they are called on. */
const PASS_THROUGH = new Set([
  'join', 'trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'substr', 'toUpperCase', 'toLowerCase', 'toLocaleUpperCase',
  'toLocaleLowerCase', 'normalize', 'padStart', 'padEnd', 'at', 'concat', 'replace', 'replaceAll', 'split', 'filter', 'flat',
  'toString', 'repeat', 'sort', 'toSorted', 'reverse', 'toReversed', 'find', 'findLast', 'get', 'values', 'keys', 'entries',
]);

/** Array methods whose callback's first parameter is an element of the array they are called on. */
const ITERATORS = new Set(['map', 'flatMap', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'sort', 'toSorted']);

/** Attributes whose value is shown (or read aloud) as text. */
const TEXT_ATTRIBUTES = new Set([
  'title', 'label', 'alt', 'placeholder', 'aria-label', 'aria-description', 'aria-valuetext', 'aria-placeholder',
  'aria-roledescription', 'caption', 'heading', 'message',
]);

const RENDERER = 'UntrustedText';

function unwrap(node) {
  let n = node;
  while (n && ['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression', 'ParenthesizedExpression'].includes(n.type)) {
    n = n.expression;
  }
  return n;
}

const propName = (member) => (!member.computed && member.property.type === 'Identifier' ? member.property.name : member.property.type === 'Literal' ? String(member.property.value) : undefined);

/** The return expressions of a function (its expression body, or its own return statements). */
function returnsOf(fn) {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out = [];
  const walk = (n) => {
    if (!n || typeof n.type !== 'string') return;
    if (n !== fn.body && /Function/.test(n.type)) return;
    if (n.type === 'ReturnStatement' && n.argument) out.push(n.argument);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'parent') continue;
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v.type === 'string') walk(v);
    }
  };
  walk(fn.body);
  return out;
}

/** @type {import('eslint').Rule.RuleModule} */
export const untrustedText = {
  meta: {
    type: 'problem',
    docs: { description: 'Participant-controlled text is rendered only through UntrustedText or revealHidden/untrustedPlain/plainTitle.' },
    schema: [],
    messages: {
      raw: '`{{text}}` is participant-controlled text reaching the page unrevealed: render it with <UntrustedText value={…} /> (or untrustedPlain()/revealHidden() where only a string fits).',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const taint = new Map(); // Variable → boolean (undefined while being computed, so cycles count as clean)

    function variableOf(id) {
      for (let scope = sourceCode.getScope(id); scope; scope = scope.upper) {
        const v = scope.set.get(id.name);
        if (v) return v;
      }
      return undefined;
    }

    function tainted(variable) {
      if (taint.has(variable)) return taint.get(variable) === true;
      taint.set(variable, false);
      let result = false;
      for (const def of variable.defs) {
        if (def.type === 'Variable' && def.node.init) result ||= unsafe(def.node.init).length > 0;
        if (def.type === 'Parameter') {
          const fn = def.node;
          const call = fn.parent;
          const first = fn.params[0];
          const isFirst = first && def.name.range[0] >= first.range[0] && def.name.range[1] <= first.range[1];
          if (isFirst && call?.type === 'CallExpression' && call.arguments[0] === fn && call.callee.type === 'MemberExpression' && ITERATORS.has(propName(call.callee))) {
            result ||= unsafe(call.callee.object).length > 0;
          }
        }
      }
      taint.set(variable, result);
      return result;
    }

    /** The sub-expressions of `node` that carry participant text into its value, unrevealed. */
    function unsafe(input) {
      const node = unwrap(input);
      if (!node) return [];
      switch (node.type) {
        case 'Identifier': {
          if (FIELDS.has(node.name)) return [node];
          const v = variableOf(node);
          return v && tainted(v) ? [node] : [];
        }
        case 'MemberExpression': {
          const name = propName(node);
          if (name !== undefined && FIELDS.has(name)) return [node];
          if (name === 'length' || name === 'size') return [];
          return unsafe(node.object).length ? [node] : [];
        }
        case 'TemplateLiteral':
          return node.expressions.flatMap(unsafe);
        case 'BinaryExpression':
          return node.operator === '+' ? [...unsafe(node.left), ...unsafe(node.right)] : [];
        case 'LogicalExpression':
          return node.operator === '&&' ? unsafe(node.right) : [...unsafe(node.left), ...unsafe(node.right)];
        case 'ConditionalExpression':
          return [...unsafe(node.consequent), ...unsafe(node.alternate)];
        case 'ArrayExpression':
          return node.elements.flatMap((e) => (e ? unsafe(e.type === 'SpreadElement' ? e.argument : e) : []));
        case 'SpreadElement':
        case 'AwaitExpression':
          return unsafe(node.argument);
        case 'SequenceExpression':
          return unsafe(node.expressions.at(-1));
        case 'CallExpression': {
          const callee = unwrap(node.callee);
          if (callee.type === 'Identifier') {
            if (SANITIZERS.has(callee.name)) return [];
            if (callee.name === 'String') return node.arguments.flatMap(unsafe);
          }
          if (callee.type === 'MemberExpression') {
            const name = propName(callee);
            const obj = unwrap(callee.object);
            if (obj.type === 'Identifier' && obj.name === 'Object' && ['entries', 'keys', 'values', 'fromEntries', 'assign'].includes(name)) return node.arguments.flatMap(unsafe);
            if (name === 'map' || name === 'flatMap') {
              const fn = unwrap(node.arguments[0]);
              return fn && /Function/.test(fn.type) ? returnsOf(fn).flatMap(unsafe) : unsafe(callee.object);
            }
            if (PASS_THROUGH.has(name)) return [...unsafe(callee.object), ...(name === 'concat' ? node.arguments.flatMap(unsafe) : [])];
          }
          // Any other function may hand its argument back: what goes in counts, unless it is a sanitizer.
          return node.arguments.flatMap((a) => (/Function/.test(a.type) ? [] : unsafe(a)));
        }
        default:
          return [];
      }
    }

    function report(expression) {
      for (const n of unsafe(expression)) context.report({ node: n, messageId: 'raw', data: { text: sourceCode.getText(n).slice(0, 60) } });
    }

    return {
      JSXExpressionContainer(node) {
        if (node.expression.type === 'JSXEmptyExpression') return;
        if (node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment') report(node.expression);
        else if (node.parent.type === 'JSXAttribute') {
          const attr = node.parent;
          const element = attr.parent.name;
          const isRenderer = element.type === 'JSXIdentifier' && element.name === RENDERER;
          const name = attr.name.type === 'JSXIdentifier' ? attr.name.name : '';
          if (!isRenderer && TEXT_ATTRIBUTES.has(name)) report(node.expression);
        }
      },
      AssignmentExpression(node) {
        const left = unwrap(node.left);
        if (left.type === 'MemberExpression' && propName(left) === 'title' && unwrap(left.object).type === 'Identifier' && unwrap(left.object).name === 'document') report(node.right);
      },
    };
  },
};

export default { meta: { name: 'greenroom' }, rules: { 'untrusted-text': untrustedText } };
