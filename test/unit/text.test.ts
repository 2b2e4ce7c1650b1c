/** The edit distance behind every "did you mean" suggestion: exact up to its limit, and past the limit
 * never a number within it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { didYouMean, editDistance } from '../../server/src/service/text';
import { prng } from '../fuzz';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('GetObject', 'GetObject'), 0);
    assert.equal(editDistance('GetObjcet', 'GetObject'), 2);
  });

  it('with a limit, gives the distance when it is within the limit and a larger number otherwise', () => {
    const random = prng(7);
    const word = () => Array.from({ length: Math.floor(random() * 9) }, () => 'abc'[Math.floor(random() * 3)]).join('');
    for (let k = 0; k < 3000; k++) {
      const [a, b, limit] = [word(), word(), Math.floor(random() * 5)];
      const exact = editDistance(a, b);
      const bounded = editDistance(a, b, limit);
      if (exact <= limit) assert.equal(bounded, exact, `${a} ${b} within ${limit}`);
      else assert.ok(bounded > limit, `${a} ${b}: ${bounded} past ${limit}`);
    }
  });
});

describe('didYouMean', () => {
  it('picks the closest candidate, the first of equals, ignoring case', () => {
    assert.equal(didYouMean('GetObjcet', ['PutObject', 'GetObject', 'GetObjectAcl']), 'GetObject');
    assert.equal(didYouMean('getobject', ['GetObject']), 'GetObject');
    assert.equal(didYouMean('abcd', ['abcx', 'abcy']), 'abcx');
  });

  it('suggests nothing when every candidate is too far', () => {
    assert.equal(didYouMean('ListBuckets', ['DeleteObject', 'PutBucketPolicy']), undefined);
  });
});
