import { toParquet } from "../data-loaders/publish/parquet.ts";
import { speechesTable } from "../data-loaders/tables/index.ts";
import { readParquet } from "parquet-wasm";
import { tableFromIPC } from "apache-arrow";
const b = toParquet({name:"t",title:"",grain:"",primaryKey:[],invariants:[],columns:[{name:"a",type:"string",description:"",nullable:true},{name:"n",type:"integer",description:""},{name:"x",type:"number",description:""},{name:"b",type:"boolean",description:""}]} as any, [{a:"中文",n:1,x:1.5,b:true},{a:null,n:2,x:-0.5,b:false}]);
console.log(b.length);
const t = tableFromIPC(readParquet(b).intoIPCStream());
console.log(t.toArray().map(r=>r.toJSON()));
const e = toParquet(speechesTable as any, []); console.log("empty", e.length);
