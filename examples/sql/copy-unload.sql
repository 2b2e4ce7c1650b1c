-- Loading and unloading with IAM roles: nothing to report here.
-- RoleA (account 123456789012) is attached to the cluster; it assumes RoleB (account 210987654321),
-- which can read and write the partner's bucket (see ../policies/chain-*.json).

-- The cluster's default IAM role for our own bucket.
COPY sales
FROM 's3://example-bucket/sales/2024/'
IAM_ROLE default
FORMAT AS CSV
IGNOREHEADER 1
REGION 'us-east-1';

-- A role chain for the partner's bucket: no spaces between the ARNs.
COPY venue
FROM 's3://companyb/redshift/venue_pipe_'
IAM_ROLE 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB';

UNLOAD ('select * from venue where venuestate = ''NV''')
TO 's3://companyb/redshift/venue_nv_'
IAM_ROLE 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB'
MANIFEST
ENCRYPTED
KMS_KEY_ID '1234abcd-12ab-34cd-56ef-1234567890ab'
ALLOWOVERWRITE;

-- Lets the loader user run COPY with the chain, and nothing else.
GRANT ASSUMEROLE
ON 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB'
TO loader
FOR COPY;

-- A stored procedure: statements in its body are checked too.
CREATE OR REPLACE PROCEDURE unload_sales(prefix varchar) AS $$
BEGIN
  UNLOAD ('select * from sales') TO 's3://example-bucket/exports/sales_'
  IAM_ROLE default
  CLEANPATH;
END;
$$ LANGUAGE plpgsql;
