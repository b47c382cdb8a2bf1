#!/usr/bin/env python3
"""Generates hostile inputs for tools/hostile-bench.sh: one directory per case under the given folder (nothing large is committed)."""
import os, sys, json, gzip, io, zipfile, shutil
B = sys.argv[1]
shutil.rmtree(B, ignore_errors=True); os.makedirs(B)
def case(name, files, args=None):
    d = os.path.join(B, name); os.makedirs(d)
    for p, c in files.items():
        fp = os.path.join(d, p); os.makedirs(os.path.dirname(fp), exist_ok=True)
        if isinstance(c, str): c = c.encode()
        open(fp, 'wb').write(c)
    if args: open(os.path.join(B, name + '.args'), 'w').write(args)
# time
case('longline1m', {'a.txt': 'password=' + 'a'*(1<<20)})
case('longline10m', {'a.txt': ('x'*((10<<20) - 100))}, '--max-file-size 20000000')
case('longline_kw', {'a.txt': ('token ' * (1<<18))})
conds = {'C0': {'Fn::Equals': ['a','a']}}
for i in range(1,60): conds[f'C{i}'] = {'Fn::And': [{'Condition': f'C{i-1}'}, {'Condition': f'C{i-1}'}]}
case('cfn_cond', {'t.json': json.dumps({'AWSTemplateFormatVersion':'2010-09-09','Conditions': conds,'Resources':{'R':{'Type':'AWS::ECS::Cluster','Condition':'C59','Properties':{}}}})})
# nested join of join via yaml aliases
y = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  R:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: &a0 x\n"
for i in range(1,50): y += f"      X{i}: &a{i} {{'Fn::Join': ['', [*a{i-1}, *a{i-1}]]}}\n"
y += "      ContainerDefinitions: [{Name: c, Image: *a49}]\n"
case('cfn_join_alias', {'t.yaml': y})
case('hcl_range', {'main.tf': 'locals { r = range(1e16, 1e16+10) }\nresource "aws_ecs_cluster" "c" { name = length(local.r) }\n'})
case('hcl_pow', {'main.tf': 'locals { p = pow(10, 400) }\nresource "aws_ecs_task_definition" "t" { family = "x"\n container_definitions = jsonencode([{name="a", image="b", memory=local.p}]) }\n'})
tf = 'locals {\n  s0 = "ab"\n' + ''.join(f'  s{i} = "${{local.s{i-1}}}${{local.s{i-1}}}"\n' for i in range(1,40)) + '}\nresource "aws_ecs_cluster" "c" { name = local.s39 }\n'
case('hcl_strdouble', {'main.tf': tf})
tf = 'locals {\n  l0 = [1,2]\n' + ''.join(f'  l{i} = concat(local.l{i-1}, local.l{i-1})\n' for i in range(1,40)) + '}\nresource "aws_ecs_cluster" "c" { name = length(distinct(local.l39)) }\n'
case('hcl_listdouble', {'main.tf': tf})
case('hcl_distinct', {'main.tf': 'locals { l = range(0, 200000) \n d = distinct(concat(local.l, local.l)) \n u = setunion(local.l, local.l) }\nresource "aws_ecs_cluster" "c" { name = length(local.d) }\n'})
case('hcl_format', {'main.tf': 'resource "aws_ecs_cluster" "c" { name = format("%999999999d", 1) }\n'})
case('hcl_strrepeat', {'main.tf': 'resource "aws_ecs_cluster" "c" { name = join("", [for i in range(0, 1000000): "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]) }\n'})
df = 'FROM alpine\nARG A=xx\n' + ''.join('ARG A=$A$A\n' for _ in range(40)) + 'RUN echo $A\n'
case('docker_arg', {'Dockerfile': df})
df = 'FROM alpine\nENV A=xx\n' + ''.join('ENV A=${A}${A}\n' for _ in range(40)) + 'RUN echo $A\n'
case('docker_env', {'Dockerfile': df})
case('gitignore_stars', {'.gitignore': '**/'*30 + 'zzz\n', **{('a/'*40)+'f.txt': 'x'}})
case('gitleaks_redos', {'.gitleaks.toml': '[[rules]]\nid="r"\nregex=\'\'\'(a+)+$\'\'\'\nkeywords=["a"]\n', 'f.txt': ('a'*40+'!\n')*2000})
case('gitleaks_allow_redos', {'.gitleaks.toml': '[extend]\nuseDefault=true\n[[allowlists]]\nregexes=[\'\'\'(a+)+$\'\'\']\nregexTarget="line"\n', 'f.txt': ('aws_secret_access_key = "AKIAZ3MSJV4WEXAMPLQ" ' + 'a'*40+'!\n')*200})
# memory
y = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
docs = []
for i in range(30):
    docs.append(f'k{i}: &x{i} [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nb{i}: [*x{i},*x{i},*x{i},*x{i},*x{i},*x{i},*x{i},*x{i},*x{i}]\n')
case('yaml_alias_docs', {'a.yaml': '---\n'.join(y + d for d in docs)})
y = 'a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]\n' + ''.join(f'a{i}: &a{i} [' + ','.join([f'*a{i-1}']*10) + ']\n' for i in range(1,6))
case('yaml_alias_bomb', {'a.yaml': y})
case('gzip_bomb', {'a.tar.gz': gzip.compress(b'\0'*(600<<20), 9)})
bio = io.BytesIO(); z = zipfile.ZipFile(bio, 'w', zipfile.ZIP_DEFLATED); z.writestr('a.txt', b'a'*(600<<20)); z.close()
case('zip_bomb', {'a.zip': bio.getvalue()})
case('secrets_many', {'a.env': ''.join(f'ghp_{i:036d}\n'.replace('0','A') for i in range(200000))})
# structure
case('json_deep', {'a.json': '['*100000 + ']'*100000})
case('yaml_deep', {'a.yaml': '['*100000 + ']'*100000})
case('hcl_deep', {'main.tf': 'locals { a = ' + '['*100000 + ']'*100000 + ' }\n'})
case('hcl_deep_paren', {'main.tf': 'locals { a = ' + '('*100000 + '1' + ')'*100000 + ' }\n'})
case('hcl_jsondecode_deep', {'main.tf': 'locals { a = jsondecode("' + '['*100000 + ']'*100000 + '") }\n'})
case('hcl_template_deep', {'main.tf': 'locals { a = "' + '${"'*20000 + 'x' + '"}'*20000 + '" }\n'})
case('docker_deep_subst', {'Dockerfile': 'FROM alpine\nRUN echo ' + '$('*50000 + ')'*50000 + '\n'})
case('docker_deep_var', {'Dockerfile': 'FROM alpine\nARG A=${B:-' * 1 + '${C:-'*50000 + 'x' + '}'*50001 + '\nRUN echo $A\n'})
# confinement
os.makedirs(B+'/outside', exist_ok=True)  # read by nothing: the tf_* cases try to reach it; open(B+'/outside/secret.txt','w').write('OUTSIDE_SECRET_CONTENT_ghp_' + 'B'*36)
case('tf_file', {'main.tf': 'resource "aws_ecs_task_definition" "t" {\n family = "x"\n container_definitions = file("../outside/secret.txt")\n}\nresource "aws_ecs_cluster" "c" { name = file("/etc/hostname") }\n'})
case('tf_templatefile', {'main.tf': 'resource "aws_ecs_cluster" "c" { name = templatefile("../outside/secret.txt", {}) }\n'})
case('tf_module', {'main.tf': 'module "m" { source = "../outside" }\n'})
os.makedirs(B+'/outside/mod', exist_ok=True); open(B+'/outside/mod/main.tf','w').write('resource "aws_ecs_cluster" "x" { name = "OUTSIDE_MODULE" }\n')
case('tf_module2', {'main.tf': 'module "m" { source = "../outside/mod" }\n'})
case('fifo', {'ok.yaml': 'a: 1\n'})
os.mkfifo(os.path.join(B,'fifo','pipe.yaml'))
os.symlink(os.path.join(B,'fifo','pipe.yaml'), os.path.join(B,'fifo','link.yaml'))
case('badname', {'ok.yaml': 'a: 1\n'})
open(os.path.join(B,'badname').encode() + b'/bad\xff.yaml','wb').write(b'a: 1\n')
case('utf16', {'task.json': '\ufeff{"family":"x","containerDefinitions":[{"name":"a","image":"nginx","privileged":true}]}'.encode('utf-16-le')})
case('yamlflow', {'task.yaml': '{family: x, containerDefinitions: [{name: a, image: nginx, privileged: true}]}\n'})
case('empty_gitleaks', {'.gitleaks.toml': '', 'a.env': 'GITHUB=ghp_' + 'C'*36 + '\n'})
case('nothing', {'a.bin': b'\0\1\2'})
# found by review: chains across named conditions, one pod with hundreds of thousands of containers, many files each under its cap
conds = {'C0': {'Fn::Equals': ['a', 'a']}}
for i in range(1, 60000): conds[f'C{i}'] = {'Condition': f'C{i-1}'}
case('cfn_condchain_named', {'t.json': json.dumps({'Conditions': conds, 'Resources': {'R': {'Type': 'AWS::ECS::Cluster', 'Condition': 'C59999', 'Properties': {}}}})})
case('k8s_containers', {'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n' + '  - {name: a, image: x}\n' * 436000})
pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n' + ''.join(f'  - {{name: c{i}, image: x}}\n' for i in range(120))
case('many_files_findings', {f'p{i}.yaml': pod for i in range(1000)})
