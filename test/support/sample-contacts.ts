/**
 * Two people in the sample exports of lib/contacts/samples/ (Ada in google.csv and apple.vcf, Alan
 * in outlook.csv and outlook.vcf): the fields both formats read the same. Names and notes differ.
 */
export const SAMPLE_ADA = {
  lastName: 'Lovelace',
  birthday: '1985-12-10',
  email: 'ada@example.com',
  website: 'https://example.com/ada',
  mobilePhone: '+44 20 7946 0958',
  workPhone: '(213) 373-4253',
};

export const SAMPLE_ALAN = {
  lastName: 'Turing',
  birthday: '1912-06-23',
  email: 'alan@example.co.uk',
  website: 'www.example.co.uk',
  workPhone: '+44 1908 640404',
  homePhone: '+44 20 7946 0123',
};
