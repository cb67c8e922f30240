-- One row per customer, typed and named as the marts use them.
select
    customer_id,
    name as customer_name,
    upper(country) as country_code,
    signed_up_at
from {{ ref('raw_customers') }}
