import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      '.next/**',
      'out/**',
      '.contentlayer/**',
      'e2e/.out/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
      '.content/**',
      '.cache/**',
      'deploy/aws/cdk.out/**',
      'deploy/aws/node_modules/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
];

export default config;
