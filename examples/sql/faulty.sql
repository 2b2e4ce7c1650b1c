-- Deliberately faulty: every statement below has something Redshift would reject, or you would regret.
-- Open the Problems view, hover the clauses and try the quick fixes.

-- The AWS documentation's example role has a 13-digit account ID.
COPY customer FROM 's3://mybucket/mydata'
IAM_ROLE 'arn:aws:iam::0123456789012:role/MyRedshiftRole';

-- A role chain must not contain spaces.
COPY venue FROM 's3://companyb/redshift/venue_pipe_'
IAM_ROLE 'arn:aws:iam::123456789012:role/RoleA, arn:aws:iam::210987654321:role/RoleB';

-- A stray "<" in the CREDENTIALS string (as in the AWS documentation's temporary-credentials example).
COPY listing FROM 's3://mybucket/data/listings_pipe.txt'
CREDENTIALS 'aws_access_key_id=<temporary-access-key-id>;<aws_secret_access_key=<temporary-secret-access-key>;token=<temporary-token>';

-- Plain-text access keys (the fake example keys from the AWS documentation).
UNLOAD ('select * from sales')
TO 's3://example-bucket/exports/sales_'
ACCESS_KEY_ID 'AKIAIOSFODNN7EXAMPLE'
SECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

-- Quotes pasted from a document, and a placeholder left in.
CREATE EXTERNAL FUNCTION exfunc_sum(INT, INT)
RETURNS INT
VOLATILE
LAMBDA 'lambda_sum'
IAM_ROLE ‘arn:aws:iam::<aws-account-id>:role/Redshift-Exfunc-Test’;

-- COPY JOB does not accept the default role, and KMS_KEY_ID needs ENCRYPTED.
COPY sales FROM 's3://example-bucket/incoming/' IAM_ROLE default JOB CREATE load_sales AUTO ON;
UNLOAD ('select 1') TO 's3://example-bucket/out/' IAM_ROLE default KMS_KEY_ID '1234abcd-12ab-34cd-56ef-1234567890ab';

-- Client-side encryption, which COPY and UNLOAD no longer use since April 30, 2026.
COPY sales FROM 's3://example-bucket/encrypted/' IAM_ROLE default MASTER_SYMMETRIC_KEY '<root-key>' ENCRYPTED;
