-- Orders per customer: what each one bought (returned orders do not count towards revenue).
with orders as (
    select * from {{ ref('stg_orders') }}
)
select
    c.customer_id,
    c.customer_name,
    c.country_code,
    count(o.order_id) as orders,
    count(o.order_id) filter (where o.status = 'returned') as returned_orders,
    coalesce(sum(o.amount) filter (where o.status <> 'returned'), 0) as revenue,
    min(o.ordered_at) as first_ordered_at,
    max(o.ordered_at) as last_ordered_at
from {{ ref('stg_customers') }} as c
left join orders as o on o.customer_id = c.customer_id
group by c.customer_id, c.customer_name, c.country_code
