-- Singular test: an order never has a negative amount (rows returned = failures).
select order_id, amount
from {{ ref('stg_orders') }}
where amount < 0
