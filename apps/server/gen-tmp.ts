import { seedDemo } from './src/db/seed/demo.ts';
const fake: any = { kind: 'postgres', query: async (sql: string) => sql.includes('FROM teams') ? [{id:'a', name:'Nordics'},{id:'b',name:'UK & Ireland'},{id:'c',name:'Key accounts'}] : sql.includes('FROM users') ? [] : sql.includes('custom_field_defs WHERE') ? [{entity:'contact',key:'segment',type:'select',options:[{value:'smb'},{value:'mid_market'},{value:'enterprise'},{value:'public_sector'},{value:'consumer'}]},{entity:'contact',key:'newsletter',type:'boolean',options:[]},{entity:'account',key:'annual_revenue',type:'money',options:[]}] : [{n:0}] };
const t = performance.now();
console.log(await seedDemo(fake, { scale: 200000, seed: 42, log: console.log }), performance.now() - t);
