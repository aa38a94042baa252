import { describe, expect, it } from 'vitest';
import { compareAccounts, duplicateKeys } from './duplicates.js';

describe('duplicateKeys', () => {
  it('normalises every key and drops what cannot be evidence', () => {
    expect(
      duplicateKeys({
        nameZh: '顺丰速运（中国）有限公司',
        nameEn: 'SF Express Co., Ltd.',
        creditCode: '91440300708461136t',
        phones: ['138 1234 5678', '+86 13812345678', 'n/a', null, '010-12345678;ext=5'],
        emails: [
          'li@SF-Express.com',
          'wang@sf-express.com',
          'zhao@qq.com',
          'vip.163.com',
          'logistics.example',
        ],
      }),
    ).toEqual({
      creditCode: '91440300708461136T',
      names: ['顺丰速运', 'sf express'],
      phones: ['+8613812345678', '+861012345678'],
      emailDomains: ['sf-express.com', 'logistics.example'],
    });
  });

  it('ignores invalid credit codes', () => {
    expect(duplicateKeys({ nameZh: 'x', creditCode: '91440300708461136U' }).creditCode).toBeNull();
  });
});

describe('compareAccounts', () => {
  it('finds the same credit code', () => {
    expect(
      compareAccounts(
        { nameZh: '腾讯', creditCode: '91440300708461136T' },
        { nameEn: 'Tencent', creditCode: '9144 0300 7084 6113 6T' },
      ),
    ).toEqual({ score: 100, evidence: [{ kind: 'same_credit_code', value: '91440300708461136T' }] });
  });

  it('finds the same normalised name in either script', () => {
    expect(compareAccounts({ nameZh: '顺丰速运有限公司' }, { nameZh: '顺丰速运（中国）有限公司' })).toEqual({
      score: 80,
      evidence: [{ kind: 'same_name', value: '顺丰速运' }],
    });
    expect(
      compareAccounts({ nameEn: 'Kuehne + Nagel Ltd.' }, { nameZh: '德讯', nameEn: 'KUEHNE+NAGEL CO., LTD' })
        .score,
    ).toBe(80);
  });

  it('finds shared phones, counting at most two', () => {
    const a = { nameZh: '甲', phones: ['13812345678', '13912345678', '13712345678'] };
    const b = { nameZh: '乙', phones: ['+86 138 1234 5678', '+86 139 1234 5678', '+86 137 1234 5678'] };
    const result = compareAccounts(a, b);
    expect(result.evidence.map((e) => e.kind)).toEqual(['same_phone', 'same_phone', 'same_phone']);
    expect(result.score).toBe(100);
    expect(
      compareAccounts({ nameZh: '甲', phones: ['13812345678'] }, { nameZh: '乙', phones: ['13812345678'] })
        .score,
    ).toBe(50);
  });

  it('counts a shared company email domain only with similar names', () => {
    const similar = compareAccounts(
      { nameZh: '德邦物流股份有限公司', emails: ['a@deppon.com'] },
      { nameZh: '德邦物流上海', emails: ['b@deppon.com'] },
    );
    expect(similar.evidence).toEqual([
      { kind: 'same_email_domain', value: 'deppon.com', similarity: expect.any(Number) },
    ]);
    expect(similar.score).toBe(40);
    expect(
      compareAccounts(
        { nameZh: '德邦物流', emails: ['a@deppon.com'] },
        { nameZh: '华润万家', emails: ['b@deppon.com'] },
      ),
    ).toEqual({ score: 0, evidence: [] });
  });

  it('ignores shared free-mail domains however similar the names', () => {
    expect(
      compareAccounts(
        { nameZh: '德邦物流上海', emails: ['a@qq.com'] },
        { nameZh: '德邦物流深圳', emails: ['b@qq.com'] },
      ),
    ).toEqual({ score: 0, evidence: [] });
  });

  it('counts two different valid credit codes against', () => {
    const result = compareAccounts(
      { nameZh: '华为技术有限公司', creditCode: '914403001922038216', phones: ['0755-28780808'] },
      { nameZh: '华为技术有限公司', creditCode: '91440300708461136T', phones: ['0755 2878 0808'] },
    );
    expect(result.evidence.map((e) => e.kind)).toEqual(['different_credit_code', 'same_name', 'same_phone']);
    expect(result.score).toBe(70);
  });

  it('accepts precomputed keys and is symmetric in score', () => {
    const a = { nameZh: '京东物流', phones: ['13812345678'], emails: ['x@jd.com'] };
    const b = { nameZh: '京东物流集团', emails: ['y@jd.com'] };
    expect(compareAccounts(duplicateKeys(a), duplicateKeys(b))).toEqual(compareAccounts(a, b));
    expect(compareAccounts(b, a).score).toBe(compareAccounts(a, b).score);
  });
});
